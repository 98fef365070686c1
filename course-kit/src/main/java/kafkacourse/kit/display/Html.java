package kafkacourse.kit.display;

/**
 * Something a notebook can show as HTML. The course kernel's {@code show(...)} (see {@code notebooks/kernel/init.jshell})
 * sends {@link #html()} to Jupyter as {@code text/html}; {@code toString()} stays a plain-text fallback for logs.
 */
public interface Html {

    /** A self-contained HTML fragment (inline styles only: Jupyter and GitHub strip stylesheets). */
    String html();

    /** Escape text for HTML element content and attribute values. */
    static String escape(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
