#include <stdio.h>
#include <signal.h>
#include <histedit.h>
