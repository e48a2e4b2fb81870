// NNEngine: to be written.
