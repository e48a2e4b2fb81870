// NNEngine's public API is written in NNCore's types (Matrix, SeededGenerator, LabeledData),
// so importing the engine brings them along.
@_exported import NNCore
