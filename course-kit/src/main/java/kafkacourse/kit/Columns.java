package kafkacourse.kit;

/** Terminal text alignment that knows Hangul, CJK and full-width forms take two columns. */
public final class Columns {

    private Columns() {
    }

    /** Terminal columns of a string. */
    public static int width(String s) {
        return s.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
    }

    /** {@code s} followed by spaces up to {@code columns} (at least one space). */
    public static String pad(String s, int columns) {
        return s + " ".repeat(Math.max(1, columns - width(s)));
    }

    /** {@code s} cut to {@code columns}, ending with an ellipsis when cut. */
    public static String clip(String s, int columns) {
        if (width(s) <= columns) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        int used = 0;
        for (int cp : s.codePoints().toArray()) {
            int w = isWide(cp) ? 2 : 1;
            if (used + w > columns - 1) {
                break;
            }
            b.appendCodePoint(cp);
            used += w;
        }
        return b.append('…').toString();
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6);
    }
}
