package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorsTest {
    @Test
    void stripsByRolesAgenciesAndEmails() {
        assertThat(Authors.split("By Jane Doe and John Roe, Staff Writers")).containsExactly("Jane Doe", "John Roe");
        assertThat(Authors.split("Anna Müller, dpa")).containsExactly("Anna Müller");
        assertThat(Authors.split("By Mike Brennan mbrennan@valleycourier.example")).containsExactly("Mike Brennan");
        assertThat(Authors.split("Posted by Owen Marsh")).containsExactly("Owen Marsh");
        assertThat(Authors.split("Par Claire Dubois et Marc Petit")).containsExactly("Claire Dubois", "Marc Petit");
    }

    @Test
    void dropsPlacesAndDatesAfterTheName() {
        assertThat(Authors.split("Carmen Ruiz | Valencia | 05/12/2024")).containsExactly("Carmen Ruiz");
        assertThat(Authors.split("Hannah Kowalski in New York")).containsExactly("Hannah Kowalski");
        assertThat(Authors.split("Lucia Berg · 9 July 2024")).containsExactly("Lucia Berg");
    }

    @Test
    void aDeskCreditedAloneIsKept() {
        assertThat(Authors.split("Gazette Staff")).containsExactly("Gazette Staff");
        assertThat(Authors.split("https://example.com/author/x")).isEmpty();
    }

    @Test
    void bylineLinesAreToldFromSentences() {
        assertThat(ParagraphTrimmer.isByline("By Marcus Hale, Health Correspondent")).isTrue();
        assertThat(ParagraphTrimmer.isByline("By Monday, the council had voted to close the pool.")).isFalse();
    }
}
