// The console application (screens, state, reduce) lives beside the rendering layer.
