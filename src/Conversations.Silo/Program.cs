using Conversations.Silo;
using Microsoft.Extensions.Options;

try
{
    var app = SiloApplication.Build(args);
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException invalid)
{
    // One line naming the setting, not a stack trace: configuration errors are the operator's to fix.
    await Console.Error.WriteLineAsync($"Invalid configuration: {string.Join(" ", invalid.Failures)}");
    return 2;
}
