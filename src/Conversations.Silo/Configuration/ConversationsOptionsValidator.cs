using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Conversations.Silo.Configuration;

/// <summary>
/// Reports each broken rule of <see cref="ConversationsOptions"/> as one sentence that names the
/// setting (the data-annotations validator would wrap it in type and member boilerplate).
/// </summary>
internal sealed class ConversationsOptionsValidator : IValidateOptions<ConversationsOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationsOptions options)
    {
        var failures = options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage ?? "invalid").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
