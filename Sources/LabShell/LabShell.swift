// LabShell: to be written.
