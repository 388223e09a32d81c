"""PySide6 widgets: thin views over domain state that forward user intent."""
