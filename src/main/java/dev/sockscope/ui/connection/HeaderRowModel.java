package dev.sockscope.ui.connection;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable row of the request headers table. */
public final class HeaderRowModel {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);

    public HeaderRowModel(String name, String value, boolean enabled) {
        this.name.set(name);
        this.value.set(value);
        this.enabled.set(enabled);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public boolean isBlank() {
        return name.get().isBlank() && value.get().isBlank();
    }
}
