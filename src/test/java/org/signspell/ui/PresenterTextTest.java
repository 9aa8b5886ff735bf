package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.shape.MoveTo;
import javafx.stage.Stage;
import org.signspell.letters.LetterClass;
import org.signspell.spelling.HoldProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The presenter view's text: the end that fits two lines, whole words where it can. */
@ExtendWith(ApplicationExtension.class)
class PresenterTextTest {

    private static final Font BIG = Font.font("System", FontWeight.BOLD, 84);
    private static final String LONG = "THE DOG AND THE CAT PLAY IN THE PARK ALL DAY AND AT NIGHT THEY BOTH ARE TIRED"
            + " AND LIE DOWN IN THE GRASS TOGETHER AS FRIENDS";

    @Start
    void start(Stage stage) {
        // Only the toolkit is needed (fonts are measured on the FX thread).
    }

    private static int linesOf(String s, double width) {
        Text t = new Text(s);
        t.setFont(BIG);
        t.setWrappingWidth(width);
        Text one = new Text("X");
        one.setFont(BIG);
        return (int) Math.round(t.getLayoutBounds().getHeight() / one.getLayoutBounds().getHeight());
    }

    @Test
    void aLongTextKeepsItsEndOnTwoLinesFromAWord() throws Exception {
        for (double width : new double[] {1168, 900, 1800}) {
            String shown = WaitForAsyncUtils.asyncFx(() -> PresenterText.lastLines(LONG, BIG, width, 2)).get();
            assertThat(shown).startsWith(PresenterText.ELLIPSIS);
            assertThat(LONG).endsWith(shown.substring(1));
            assertThat(WaitForAsyncUtils.asyncFx(() -> linesOf(shown, width)).get()).as("at %s px", width)
                    .isLessThanOrEqualTo(2);
            assertThat(LONG.charAt(LONG.length() - shown.length())).as("begins at a word: " + shown).isEqualTo(' ');
            assertThat(shown.length()).as("two lines' worth, not less: " + shown).isGreaterThan(width > 1000 ? 25 : 15);
        }
    }

    @Test
    void theHoldCaptionWrapsAtItsDotNotBeforeItsLastWord() throws Exception {
        String caption = PresenterText.confidenceCaption(0.87, new HoldProgress(LetterClass.A, 0.5, true));
        assertThat(caption.replace('\u00a0', ' ')).isEqualTo("87% sure · hold to write again");
        assertThat(PresenterText.confidenceCaption(0.87, new HoldProgress(LetterClass.A, 0, false))
                .replace('\u00a0', ' ')).isEqualTo("87% sure");
        // Too narrow by a little for the whole caption, as under the ring at 1024 px.
        double[] lineTops = WaitForAsyncUtils.asyncFx(() -> {
            Text t = new Text(caption);
            t.setFont(Font.font("System", 28));
            t.setWrappingWidth(t.getLayoutBounds().getWidth() - 20);
            return new double[] {top(t, 0), top(t, caption.indexOf("hold")), top(t, caption.indexOf("again"))};
        }).get();
        assertThat(lineTops[1]).as("hold begins the second line").isGreaterThan(lineTops[0]);
        assertThat(lineTops[2]).as("again stays with hold").isEqualTo(lineTops[1]);
    }

    private static double top(Text text, int index) {
        return ((MoveTo) text.caretShape(index, true)[0]).getY();
    }

    @Test
    void aShortTextIsShownWhole() throws Exception {
        assertThat(WaitForAsyncUtils.asyncFx(() -> PresenterText.lastLines("HELLO", BIG, 1168, 2)).get()).isEqualTo("HELLO");
        assertThat(WaitForAsyncUtils.asyncFx(() -> PresenterText.lastLines("", BIG, 1168, 2)).get()).isEmpty();
    }

    @Test
    void aVeryLongTextIsMeasuredOnlyAtItsEnd() throws Exception {
        String book = (LONG + " ").repeat(500) + "THE END";
        String shown = WaitForAsyncUtils.asyncFx(() -> PresenterText.lastLines(book, BIG, 1168, 2)).get();
        String fromLong = WaitForAsyncUtils.asyncFx(
                () -> PresenterText.lastLines(LONG + " THE END", BIG, 1168, 2)).get();
        assertThat(shown).isEqualTo(fromLong).endsWith("THE END");
        String unmeasured = PresenterText.lastLines(book, BIG, 0, 2);
        assertThat(unmeasured).startsWith(PresenterText.ELLIPSIS).hasSizeLessThanOrEqualTo(41).endsWith("THE END");
    }

    @Test
    void oneLongWordIsCutWhereItMust() throws Exception {
        String word = "A".repeat(200);
        String shown = WaitForAsyncUtils.asyncFx(() -> PresenterText.lastLines(word, BIG, 1000, 2)).get();
        assertThat(shown).startsWith(PresenterText.ELLIPSIS).hasSizeLessThan(60);
        assertThat(WaitForAsyncUtils.asyncFx(() -> linesOf(shown, 1000)).get()).isLessThanOrEqualTo(2);
    }
}
