// LibEditLine: to be written.
