// LabKit: the small toolbox every other nnlab module may share, and nothing else.
//
//   AtomicFile.swift     the one "temporary file, fsync, rename" write (sessions, weights, history, data)
//   Folder.swift         mkdir -p with the same errors
//   FileWriteError.swift why a write failed, with a hint
//   SystemCalls.swift    the POSIX calls the writers make, replaceable in tests
//   NumberFormat.swift   every number format the charts, tables and shell print
//   DisplayWidth.swift   terminal columns of text (wide Hangul, ANSI escapes), padding and fitting
//
// It imports only Foundation: nothing about networks, data sets or terminals lives here.
