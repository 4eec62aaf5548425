"""The drug domain: medicines, what they are for, how they are taken, side effects, interactions."""
