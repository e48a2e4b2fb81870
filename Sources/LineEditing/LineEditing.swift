// LineEditing: to be written.
