// NNData: to be written.
