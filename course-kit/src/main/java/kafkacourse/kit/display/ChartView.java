package kafkacourse.kit.display;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import org.knowm.xchart.internal.chartpart.Chart;

/** An XChart chart shown in a notebook as a PNG image, or saved to a file. */
public interface ChartView extends Html {

    /** The XChart chart, built fresh from the current data. */
    Chart<?, ?> chart();

    default BufferedImage image() {
        return ChartImage.image(chart());
    }

    default Path save(Path file) {
        return ChartImage.save(chart(), file);
    }

    @Override
    default String html() {
        return ChartImage.html(chart());
    }
}
