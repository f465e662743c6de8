using Luoshi;

// One program, several commands: the first argument picks one (serve is the default).
return await CommandLine.RunAsync(args);

/// <summary>The entry point, named so the integration tests can host the app.</summary>
public partial class Program;
