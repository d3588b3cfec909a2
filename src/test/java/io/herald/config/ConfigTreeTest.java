package io.herald.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTreeTest {
    private static Map<String, Object> yaml(String text) {
        return YamlText.parseDocument(text, "test");
    }

    @Test
    void mapsMergeKeyByKeyAndListsReplace() {
        ConfigTree tree = new ConfigTree();
        tree.overlay(yaml("a: {x: 1, y: 2, list: [p, q]}\nb: {z: 3}"), "defaults");
        tree.overlay(yaml("a: {y: 20, list: [r]}"), "file.yaml");

        assertThat(tree.get("a.x")).isEqualTo(1);
        assertThat(tree.get("a.y")).isEqualTo(20);
        assertThat(tree.get("a.list")).isEqualTo(List.of("r"));
        assertThat(tree.get("b.z")).isEqualTo(3);
    }

    @Test
    void originIsTheLastLayerThatSetTheValueOrAParent() {
        ConfigTree tree = new ConfigTree();
        tree.overlay(yaml("a: {x: 1, rules: []}"), "defaults");
        tree.overlay(yaml("a: {rules: [{body: p}]}"), "file.yaml");
        tree.overlay(yaml("a: {x: 2}"), "--set");

        assertThat(tree.origin("a.x")).isEqualTo("--set");
        assertThat(tree.origin("a.rules[0].body")).isEqualTo("file.yaml");
        assertThat(tree.get("a.rules[0].body")).isEqualTo("p");
        assertThat(tree.origin("a.missing")).isEqualTo("defaults");
    }

    @Test
    void indexesOutOfRangeAndPathsThroughScalarsAreNull() {
        ConfigTree tree = new ConfigTree();
        tree.overlay(yaml("a: {list: [p], x: 1}"), "defaults");

        assertThat(tree.get("a.list[1]")).isNull();
        assertThat(tree.get("a.x.y")).isNull();
        assertThat(tree.get("nope")).isNull();
    }
}
