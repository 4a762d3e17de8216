using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FashionListing.Web.Accounts;

/// <summary>Creates the roles and the configured demo accounts at start, and accounts for moderators and
/// researchers on an operator's command.</summary>
public static partial class AccountSetup
{
    /// <summary>Creates every role that is missing, then each demo account whose email is not taken yet.</summary>
    public static async Task EnsureRolesAndDemoAccountsAsync(
        this IServiceProvider services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);

        await using AsyncServiceScope scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (string role in AccountRoles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role))
            {
                Throw(await roles.CreateAsync(new IdentityRole(role)), $"Creating the role {role}");
            }
        }

        var demo = scope.ServiceProvider.GetRequiredService<IOptions<DemoAccountsOptions>>().Value;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountSetup));
        foreach ((string role, DemoAccount account) in demo.ByRole())
        {
            if (string.IsNullOrEmpty(account.Password) || await users.FindByEmailAsync(account.Email!) is not null)
            {
                continue;
            }

            AccountCreation created = await CreateAccountAsync(
                scope.ServiceProvider, role, account.Email!, account.Password, cancellationToken);
            if (created is AccountCreation.Refused refused)
            {
                throw new InvalidOperationException(
                    $"The demo account {DemoAccountsOptions.Section}:{role} could not be created: {refused.Reason}");
            }

            Log.DemoAccountCreated(logger, role);
        }
    }

    /// <summary>
    /// Creates an account with the given role, e.g. a moderator from the <c>create-account</c> command; the
    /// password must meet the same rules as at registration.
    /// </summary>
    public static async Task<AccountCreation> CreateAccountAsync(
        IServiceProvider services,
        string role,
        string email,
        string password,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);

        if (!AccountRoles.All.Contains(role, StringComparer.Ordinal))
        {
            return new AccountCreation.Refused(
                $"the role is \"{role}\"; it must be one of {string.Join(", ", AccountRoles.All)}.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        IdentityResult result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }

        return result.Succeeded
            ? new AccountCreation.Created(user.Id)
            : new AccountCreation.Refused(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>
    /// Runs <c>create-account ROLE EMAIL</c>, reading the password from the first line of
    /// <paramref name="input"/> so that it stays out of the shell history; returns the process exit code.
    /// </summary>
    public static async Task<int> RunCreateAccountCommandAsync(
        this IServiceProvider services,
        IReadOnlyList<string> arguments,
        TextReader input,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);

        if (arguments.Count != 2)
        {
            await output.WriteLineAsync(
                $"Usage: create-account ROLE EMAIL (ROLE is one of {string.Join(", ", AccountRoles.All)}); "
                + "the password is read from standard input.");
            return 2;
        }

        string? password = await input.ReadLineAsync(cancellationToken);
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        AccountCreation created = await CreateAccountAsync(
            scope.ServiceProvider, arguments[0], arguments[1], password ?? "", cancellationToken);
        switch (created)
        {
            case AccountCreation.Created:
                await output.WriteLineAsync($"Created the {arguments[0]} account {arguments[1]}.");
                return 0;
            case AccountCreation.Refused refused:
                await output.WriteLineAsync($"No account was created: {refused.Reason}");
                return 1;
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    private static void Throw(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"{what} failed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Demo account for the role {Role} created")]
        public static partial void DemoAccountCreated(ILogger logger, string role);
    }
}

/// <summary>What became of a request to create an account.</summary>
public abstract record AccountCreation
{
    private AccountCreation()
    {
    }

    public sealed record Created(string UserId) : AccountCreation;

    /// <summary>Nothing was created; <paramref name="Reason"/> says why (a taken email, a weak password).</summary>
    public sealed record Refused(string Reason) : AccountCreation;
}
