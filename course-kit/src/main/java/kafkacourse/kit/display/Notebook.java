package kafkacourse.kit.display;

import java.lang.reflect.Method;

/**
 * What the course kernel imports statically into every notebook ({@code notebooks/kernel/init.jshell}):
 * {@code show(view)}, {@code showLive}/{@code update} for a view redrawn in place, {@code unique(name)} for
 * per-run topic and group names, and {@code envInt} for workload sizes.
 * <p>
 * The kit does not depend on the kernel: {@link #show} finds the kernel's {@code display} function at run time and,
 * outside Jupyter (a plain JShell or a test), prints the view's plain-text form instead.
 */
public final class Notebook {

    private static final String KERNEL_GLOBAL = "org.rapaio.jupyter.kernel.global.Global";
    private static final String HTML = "text/html";

    private Notebook() {
    }

    /** Show a course view (ClusterView, GroupView, HtmlTable, BarChart, ...) as HTML in the notebook. */
    public static void show(Html view) {
        showLive(view);
    }

    /** Show a view and return its display id, to redraw it in place with {@link #update}. */
    public static String showLive(Html view) {
        Method display = kernelMethod("display", String.class, Object.class);
        if (display == null) {
            System.out.println(view);
            return "";
        }
        try {
            return (String) display.invoke(null, HTML, view.html());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("노트북에 결과를 표시하지 못했습니다: " + e, e);
        }
    }

    /** Redraw the output shown by {@link #showLive} with a new view (e.g. a new ClusterView every 200 ms). */
    public static void update(String displayId, Html view) {
        Method update = kernelMethod("updateDisplay", String.class, String.class, Object.class);
        if (update == null || displayId.isEmpty()) {
            System.out.println(view);
            return;
        }
        try {
            update.invoke(null, displayId, HTML, view.html());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("노트북 출력을 다시 그리지 못했습니다: " + e, e);
        }
    }

    /**
     * {@code unique("orders")} → {@code "orders-4f3a9c1e"}: each run of a notebook gets its own topics and groups
     * (with the {@code COURSE_LEARNER} prefix in a workshop, like the labs' names).
     */
    public static String unique(String base) {
        return kafkacourse.kit.names.UniqueNames.of(base);
    }

    /** A workload size: the environment variable if set (CI sets small sizes), else the full size. */
    public static int envInt(String name, int fullSize) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            return fullSize;
        }
        try {
            return Integer.parseInt(v.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("환경 변수 " + name + " 은(는) 정수여야 합니다: " + v);
        }
    }

    private static Method kernelMethod(String name, Class<?>... types) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> global = Class.forName(KERNEL_GLOBAL, true, loader != null ? loader : Notebook.class.getClassLoader());
            return global.getMethod(name, types);
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return null;
        }
    }
}
