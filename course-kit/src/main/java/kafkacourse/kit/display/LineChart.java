package kafkacourse.kit.display;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Values over time (or over any x), e.g. send latency while a broker is killed:
 * <pre>{@code
 * show(LineChart.of("전송 지연", "경과 시간(초)", "지연(ms)").series("acks=all", seconds, latencies));
 * }</pre>
 * {@link #points()} draws dots instead of lines (for many scattered samples). Rendered by XChart to PNG.
 */
public final class LineChart implements ChartView {

    private record Series(List<? extends Number> x, List<? extends Number> y) {
    }

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final Map<String, Double> verticalMarks = new LinkedHashMap<>();
    private boolean points;
    private boolean logarithmic;

    private LineChart(String title, String xTitle, String yTitle) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    public static LineChart of(String title, String xTitle, String yTitle) {
        return new LineChart(title, xTitle, yTitle);
    }

    public LineChart series(String name, List<? extends Number> x, List<? extends Number> y) {
        if (x.size() != y.size() || x.isEmpty()) {
            throw new IllegalArgumentException("x와 y의 개수가 같고 1개 이상이어야 합니다: " + name + " (x " + x.size() + "개, y " + y.size() + "개)");
        }
        series.put(name, new Series(List.copyOf(x), List.copyOf(y)));
        return this;
    }

    /** A labelled vertical line at {@code x}, e.g. the moment a broker was killed. */
    public LineChart mark(String label, double x) {
        verticalMarks.put(label, x);
        return this;
    }

    public LineChart points() {
        this.points = true;
        return this;
    }

    public LineChart logarithmic() {
        this.logarithmic = true;
        return this;
    }

    @Override
    public XYChart chart() {
        XYChart c = new XYChartBuilder().width(ChartImage.WIDTH).height(ChartImage.HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        ChartImage.style(c.getStyler());
        c.getStyler().setYAxisLogarithmic(logarithmic);
        c.getStyler().setLegendVisible(series.size() + verticalMarks.size() > 1);
        if (points) {
            c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            c.getStyler().setMarkerSize(4);
        }
        series.forEach((name, s) -> {
            XYSeries xy = c.addSeries(name, s.x(), s.y());
            if (!points) {
                xy.setMarker(SeriesMarkers.NONE);
            }
        });
        double yMin = series.values().stream().flatMap(s -> s.y().stream()).mapToDouble(Number::doubleValue).min().orElse(0);
        double yMax = series.values().stream().flatMap(s -> s.y().stream()).mapToDouble(Number::doubleValue).max().orElse(1);
        verticalMarks.forEach((label, x) -> {
            XYSeries line = c.addSeries(label, new double[] {x, x}, new double[] {logarithmic ? Math.max(yMin, 1e-3) : Math.min(0, yMin), yMax});
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(java.awt.Color.decode(Palette.DOWN));
        });
        return c;
    }

    @Override
    public String toString() {
        return title + ": " + series.keySet();
    }
}
