package kafkacourse.kit.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A small table for notebook results, e.g. measurements side by side:
 * <pre>{@code
 * show(HtmlTable.of("방식", "시간(ms)", "배율").row("랜덤 쓰기", 812, "1.0×").row("순차 쓰기", 41, "19.8×"));
 * }</pre>
 * Numbers are right-aligned; {@link #caption(String)} adds a title.
 */
public final class HtmlTable implements Html {

    private final List<String> header;
    private final List<List<Object>> rows = new ArrayList<>();
    private final List<String> rowColours = new ArrayList<>();
    private String caption;

    private HtmlTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    public static HtmlTable of(String... header) {
        if (header.length == 0) {
            throw new IllegalArgumentException("표에는 열 이름이 하나 이상 있어야 합니다.");
        }
        return new HtmlTable(Arrays.asList(header));
    }

    public HtmlTable caption(String text) {
        this.caption = text;
        return this;
    }

    public HtmlTable row(Object... cells) {
        return rowColoured(null, cells);
    }

    /** A row with a background colour (CSS colour, e.g. {@code "#c8e6c9"}) to draw the eye to it. */
    public HtmlTable rowColoured(String background, Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("행의 칸 수(" + cells.length + ")가 열 수(" + header.size() + ")와 다릅니다: " + Arrays.toString(cells));
        }
        rows.add(Arrays.asList(cells));
        rowColours.add(background);
        return this;
    }

    public int size() {
        return rows.size();
    }

    @Override
    public String html() {
        StringBuilder b = new StringBuilder("<table style=\"" + Palette.TABLE + "\">");
        if (caption != null) {
            b.append("<caption style=\"").append(Palette.CAPTION).append("\">").append(Html.escape(caption)).append("</caption>");
        }
        b.append("<tr>");
        header.forEach(h -> b.append("<th style=\"").append(Palette.TH).append("\">").append(Html.escape(h)).append("</th>"));
        b.append("</tr>");
        for (int r = 0; r < rows.size(); r++) {
            String bg = rowColours.get(r) == null ? "" : "background:" + rowColours.get(r) + ";";
            b.append("<tr style=\"").append(bg).append("\">");
            for (Object cell : rows.get(r)) {
                String align = cell instanceof Number ? "text-align:right;" : "";
                b.append("<td style=\"").append(Palette.TD).append(';').append(align).append("\">")
                        .append(Html.escape(format(cell))).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    /** Plain-text rendering with aligned columns. */
    @Override
    public String toString() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        rows.forEach(r -> all.add(r.stream().map(HtmlTable::format).toList()));
        int[] width = new int[header.size()];
        for (List<String> r : all) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], displayWidth(r.get(i)));
            }
        }
        StringBuilder b = new StringBuilder(caption == null ? "" : caption + "\n");
        for (List<String> r : all) {
            for (int i = 0; i < r.size(); i++) {
                b.append(r.get(i)).append(" ".repeat(width[i] - displayWidth(r.get(i)) + 2));
            }
            b.setLength(b.length() - 2);
            b.append('\n');
        }
        return b.toString();
    }

    static String format(Object cell) {
        if (cell instanceof Double || cell instanceof Float) {
            double d = ((Number) cell).doubleValue();
            return Math.abs(d) >= 100 ? String.format("%,.0f", d) : String.format("%.2f", d);
        }
        if (cell instanceof Long || cell instanceof Integer) {
            return String.format("%,d", ((Number) cell).longValue());
        }
        return cell == null ? "" : cell.toString();
    }

    /** Hangul and other wide characters take two columns in a terminal. */
    private static int displayWidth(String s) {
        return s.codePoints().map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL
                || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN ? 2 : 1).sum();
    }

    static String joinIds(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
}
