package org.signspell.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** The window's colour scheme. */
public enum Theme {
    LIGHT, DARK;

    Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }

    String userAgentStylesheet() {
        return this == LIGHT ? new PrimerLight().getUserAgentStylesheet() : new PrimerDark().getUserAgentStylesheet();
    }
}
