package dev.switchboard.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** Grouped bar charts written as PNG (XChart). */
final class Charts {
    private Charts() {
    }

    /** One group of bars per category, one series per name; values[series][category]. */
    static void bars(Path file, String title, String yAxis, List<String> categories, List<String> series,
            double[][] values) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(480).title(title).yAxisTitle(yAxis).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setYAxisDecimalPattern("#,##0.#");
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        for (int s = 0; s < series.size(); s++) {
            List<Double> ys = new java.util.ArrayList<>();
            for (int c = 0; c < categories.size(); c++) {
                ys.add(values[s][c]);
            }
            chart.addSeries(series.get(s), categories, ys);
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
