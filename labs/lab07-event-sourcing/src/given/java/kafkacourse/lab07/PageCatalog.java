package kafkacourse.lab07;

import java.util.Map;

/** 페이지가 어느 분류에 속하는지 (주어진 코드): 파이프라인이 클릭에 덧붙이는 기준 데이터. */
public final class PageCatalog {

    private static final Map<String, String> CATEGORY_BY_PAGE = Map.of(
            "/shoes/running", "shoes",
            "/shoes/hiking", "shoes",
            "/books/kafka", "books",
            "/books/java", "books");

    private PageCatalog() {
    }

    /** 페이지의 분류. 카탈로그에 없는 페이지면 {@code other}. */
    public static String categoryOf(String page) {
        return CATEGORY_BY_PAGE.getOrDefault(page, "other");
    }
}
