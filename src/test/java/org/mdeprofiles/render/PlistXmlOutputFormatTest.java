package org.mdeprofiles.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Values are escaped as Apple's plist writer escapes them, and no more. */
class PlistXmlOutputFormatTest {
  @Test
  void escapesOnlyAmpersandAndAngleBrackets() {
    assertEquals("identifier \"a\" 'b' &amp; &lt;c&gt; ]]&gt;",
        PlistXmlOutputFormat.INSTANCE.escapePlainText("identifier \"a\" 'b' & <c> ]]>"));
  }

  @Test
  void leavesTextWithoutMarkupAsItIs() {
    String text = "Defender's \"tray\"";
    assertSame(text, PlistXmlOutputFormat.INSTANCE.escapePlainText(text));
  }
}
