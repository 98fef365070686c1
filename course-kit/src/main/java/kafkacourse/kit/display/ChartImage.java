package kafkacourse.kit.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;

/** Shared by {@link BarChart} and {@link LineChart}: a Korean-capable font, colours, and PNG encoding. */
final class ChartImage {

    static final int WIDTH = 720;
    static final int HEIGHT = 380;

    private static final List<String> KOREAN_FONTS = List.of(
            "Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "Malgun Gothic", "맑은 고딕", "Apple SD Gothic Neo", "AppleGothic");
    private static volatile String fontFamily;

    private ChartImage() {
    }

    /** A font family that can draw Hangul (without one, Korean labels come out as boxes). */
    static String koreanFontFamily() {
        if (fontFamily == null) {
            String[] installed = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
            List<String> all = List.of(installed);
            fontFamily = KOREAN_FONTS.stream().filter(all::contains).findFirst()
                    .orElseGet(() -> all.stream().filter(f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo("한글") == -1)
                            .findFirst().orElse(Font.SANS_SERIF));
        }
        return fontFamily;
    }

    static void style(AxesChartStyler s) {
        String family = koreanFontFamily();
        s.setBaseFont(new Font(family, Font.PLAIN, 13));
        s.setChartTitleFont(new Font(family, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(family, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(family, Font.PLAIN, 12));
        s.setLegendFont(new Font(family, Font.PLAIN, 12));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xE0E0E0));
        Color[] colours = new Color[8];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = Color.decode(Palette.series(i));
        }
        s.setSeriesColors(colours);
    }

    static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("차트를 PNG로 만들 수 없습니다.", e);
        }
    }

    static String html(Chart<?, ?> chart) {
        return "<img alt=\"" + Html.escape(chart.getTitle()) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png(chart)) + "\"/>";
    }

    static Path save(Chart<?, ?> chart, Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, png(chart));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("차트를 저장할 수 없습니다: " + file, e);
        }
    }
}
