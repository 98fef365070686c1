package kafkacourse.kit.display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Bars side by side, e.g. a measurement under several settings:
 * <pre>{@code
 * show(BarChart.of("acks 설정별 처리량", "건/초").bar("acks=0", 91000).bar("acks=1", 64000).bar("acks=all", 52000));
 * }</pre>
 * Several series ({@link #series}) give grouped bars. Rendered by XChart to PNG.
 */
public final class BarChart implements ChartView {

    private final String title;
    private final String yTitle;
    private final Map<String, Double> single = new LinkedHashMap<>();
    private final Map<String, List<Double>> grouped = new LinkedHashMap<>();
    private List<String> categories = List.of();
    private boolean logarithmic;

    private BarChart(String title, String yTitle) {
        this.title = title;
        this.yTitle = yTitle;
    }

    public static BarChart of(String title, String yTitle) {
        return new BarChart(title, yTitle);
    }

    public BarChart bar(String label, Number value) {
        single.put(label, value.doubleValue());
        return this;
    }

    /** Grouped bars: the same {@code categories} for every series. */
    public BarChart series(String name, List<String> categories, List<? extends Number> values) {
        if (categories.size() != values.size()) {
            throw new IllegalArgumentException("항목 수(" + categories.size() + ")와 값 수(" + values.size() + ")가 다릅니다: " + name);
        }
        this.categories = List.copyOf(categories);
        grouped.put(name, values.stream().map(Number::doubleValue).toList());
        return this;
    }

    /** A log-scale y axis, for values that differ by orders of magnitude. */
    public BarChart logarithmic() {
        this.logarithmic = true;
        return this;
    }

    @Override
    public CategoryChart chart() {
        CategoryChart c = new CategoryChartBuilder().width(ChartImage.WIDTH).height(ChartImage.HEIGHT).title(title).yAxisTitle(yTitle).build();
        ChartImage.style(c.getStyler());
        c.getStyler().setLabelsVisible(true);
        c.getStyler().setLabelsFont(new java.awt.Font(ChartImage.koreanFontFamily(), java.awt.Font.PLAIN, 11));
        c.getStyler().setLabelsFontColorAutomaticEnabled(false);
        c.getStyler().setYAxisLogarithmic(logarithmic);
        c.getStyler().setDecimalPattern("#,##0.#");
        if (grouped.isEmpty()) {
            c.getStyler().setLegendVisible(false);
            c.addSeries(yTitle, new ArrayList<>(single.keySet()), drawable(new ArrayList<>(single.values())));
        } else {
            grouped.forEach((name, values) -> c.addSeries(name, categories, drawable(values)));
        }
        return c;
    }

    /** A log axis cannot draw 0 (e.g. a latency below the clock's resolution): such a bar is drawn at 0.01. */
    private List<? extends Number> drawable(List<? extends Number> values) {
        return logarithmic ? values.stream().map(v -> (Number) Math.max(v.doubleValue(), 0.01)).toList() : values;
    }

    @Override
    public String toString() {
        return title + " (" + yTitle + "): " + (grouped.isEmpty() ? single : grouped);
    }
}
