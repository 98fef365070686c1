package kafkacourse.lab07;

import java.util.Map;

/** Which category a page belongs to (given): the reference data the pipeline enriches clicks with. */
public final class PageCatalog {

    private static final Map<String, String> CATEGORY_BY_PAGE = Map.of(
            "/shoes/running", "shoes",
            "/shoes/hiking", "shoes",
            "/books/kafka", "books",
            "/books/java", "books");

    private PageCatalog() {
    }

    /** The page's category, or {@code other} for a page the catalog does not know. */
    public static String categoryOf(String page) {
        return CATEGORY_BY_PAGE.getOrDefault(page, "other");
    }
}
