package io.herald.app;

/** Entry point of {@code herald.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("herald");
    }
}
