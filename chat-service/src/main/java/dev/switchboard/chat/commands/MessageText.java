package dev.switchboard.chat.commands;

/** The text rule of a message: a length in characters (code points), and no control character but newline and tab. */
public final class MessageText {

    private MessageText() {
    }

    /** Null when the text is acceptable, else why not. */
    public static String problem(String text, int maxLength) {
        if (text.isEmpty()) {
            return "must not be empty";
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            return "must be at most " + maxLength + " characters, was " + length;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                return "must not contain control characters (other than newline and tab)";
            }
        }
        return null;
    }
}
