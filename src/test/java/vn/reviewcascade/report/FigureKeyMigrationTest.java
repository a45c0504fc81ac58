package vn.reviewcascade.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How migration 7 renames a figure stored under a Java constant's name to the key plans use. */
class FigureKeyMigrationTest {

    @Test
    void constantNamesBecomeCamelCaseKeys() {
        assertEquals("enterprisesWithPartyOrg", FigureKeyMigration.camelCase("ENTERPRISES_WITH_PARTY_ORG"));
        assertEquals("partyMembers", FigureKeyMigration.camelCase("PARTY_MEMBERS"));
        assertEquals("newTradeUnionMembers", FigureKeyMigration.camelCase("NEW_TRADE_UNION_MEMBERS"));
    }

    @Test
    void aSingleWordIsLowerCased() {
        assertEquals("enterprises", FigureKeyMigration.camelCase("ENTERPRISES"));
    }

    @Test
    void digitsAndRepeatedUnderscoresAreKept() {
        assertEquals("section2Members", FigureKeyMigration.camelCase("SECTION2__MEMBERS"));
    }
}
