package kafkacourse.kit.display;

/** The few colours every view shares, so that broker 2 or consumer B has the same colour in every notebook. */
final class Palette {

    static final String LEADER = "#2e7d32";
    static final String LEADER_BG = "#c8e6c9";
    static final String FOLLOWER_BG = "#e3f2fd";
    static final String OUT_OF_SYNC_BG = "#fff3e0";
    static final String DOWN_BG = "#ffcdd2";
    static final String DOWN = "#c62828";
    static final String MUTED = "#9e9e9e";
    static final String BORDER = "#bdbdbd";
    static final String HEADER_BG = "#eceff1";

    private static final String[] SERIES = {"#1e88e5", "#e53935", "#43a047", "#fb8c00", "#8e24aa", "#00897b", "#6d4c41", "#3949ab"};

    private Palette() {
    }

    /** A distinct colour for the i-th member, broker or series. */
    static String series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    static final String TABLE = "border-collapse:collapse;font-family:sans-serif;font-size:13px;margin:4px 0";
    static final String TH = "border:1px solid " + BORDER + ";padding:4px 10px;background:" + HEADER_BG + ";text-align:center";
    static final String TD = "border:1px solid " + BORDER + ";padding:4px 10px;text-align:center";
    static final String CAPTION = "caption-side:top;text-align:left;font-weight:bold;padding:4px 0";
}
