package vn.reviewcascade;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

    @Test
    void everyVietnameseLetterAndTheMarksTypedAfterThemAreKept() {
        String vowels = "aăâeêioôơuưy";
        String tones = "\u0300\u0301\u0303\u0309\u0323";
        String letters = (vowels + vowels.toUpperCase()).chars().mapToObj(Character::toString)
                .flatMap(vowel -> tones.chars().mapToObj(tone -> vowel + (char) tone))
                .collect(Collectors.joining(" "));
        String text = "Đảng ủy đ Đ " + letters + " q\u0309 x\u0323 – “trích dẫn” … § № 1.234,5%\tcột\r\nhết";

        assertThat(PlainText.problem(text)).isEmpty();
        assertThat(PlainText.problem(PlainText.normalize(text))).isEmpty();
    }

    @Test
    void aCharacterTheDocumentFontCannotDrawIsRefusedWhereItStands() {
        assertThat(PlainText.problem("Báo cáo 😀 xong")).contains(
                "có ký tự '😀' (U+1F600) mà phông chữ của văn bản không có, văn bản in ra sẽ mất ký tự này ở vị trí 9");
        assertThat(PlainText.problem("Hội nghị 中国")).contains(
                "có ký tự '中' (U+4E2D) mà phông chữ của văn bản không có, văn bản in ra sẽ mất ký tự này ở vị trí 10");
    }
}
