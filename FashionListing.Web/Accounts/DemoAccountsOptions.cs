using Microsoft.Extensions.Options;

namespace FashionListing.Web.Accounts;

/// <summary>
/// One account per role created at start when its email is not yet taken (section <c>DemoAccounts</c>), so that
/// a fresh machine can be tried at once. An account with no password is skipped.
/// </summary>
public sealed class DemoAccountsOptions
{
    public const string Section = "DemoAccounts";

    public DemoAccount Seller { get; set; } = new();

    public DemoAccount Moderator { get; set; } = new();

    public DemoAccount Researcher { get; set; } = new();

    /// <summary>Each role with its account as configured, in the order of <see cref="AccountRoles.All"/>.</summary>
    public IEnumerable<(string Role, DemoAccount Account)> ByRole()
    {
        yield return (AccountRoles.Seller, Seller);
        yield return (AccountRoles.Moderator, Moderator);
        yield return (AccountRoles.Researcher, Researcher);
    }
}

public sealed class DemoAccount
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}

/// <summary>
/// Refuses to start in Production while any demo password is configured: those passwords are in the repository
/// and the README, so anyone could sign in as a moderator.
/// </summary>
public sealed class DemoAccountsValidator(IHostEnvironment environment) : IValidateOptions<DemoAccountsOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoAccountsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        List<string> failures = [];
        foreach ((string role, DemoAccount account) in options.ByRole())
        {
            string key = $"{DemoAccountsOptions.Section}:{role}";
            if (string.IsNullOrEmpty(account.Password))
            {
                continue;
            }

            if (environment.IsProduction())
            {
                failures.Add(
                    $"{key}:Password is set, and the app refuses to start in Production with a demo password. "
                    + $"Set it to an empty value (environment variable {key.Replace(":", "__", StringComparison.Ordinal)}"
                    + "__Password=) and create real accounts with the create-account command.");
            }
            else if (string.IsNullOrWhiteSpace(account.Email))
            {
                failures.Add($"{key}:Email is empty, but {key}:Password is set; give the demo account an email.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
