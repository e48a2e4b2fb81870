// Version: nnlab's version, shown by `--version` and written into session and weights files.

/// The version shown by `--version` and written into session files.
public let nnlabVersion = "0.1.0"
