package dev.inboxdesk.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import javafx.application.Application;

/** Light or dark, from AtlantaFX's Primer themes. */
public enum Theme {
  LIGHT, DARK;

  public void apply() {
    Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheet()
        : new PrimerLight().getUserAgentStylesheet());
  }

  /** The system's preference where it can be read (GTK's theme name on Linux), light otherwise. */
  public static Theme fromSystem() {
    String gtk = System.getenv("GTK_THEME");
    return gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark") ? DARK : LIGHT;
  }
}
