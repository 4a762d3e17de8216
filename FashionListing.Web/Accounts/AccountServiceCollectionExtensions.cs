using FashionListing.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FashionListing.Web.Accounts;

public static class AccountServiceCollectionExtensions
{
    /// <summary>
    /// Registers ASP.NET Core Identity on the listing database with the app's roles, cookie sign-in and the
    /// lockout rules of <see cref="AccountOptions"/>; cookies are HttpOnly, SameSite=Lax, and Secure outside
    /// Development (where <c>dotnet run</c> serves plain HTTP).
    /// </summary>
    public static IServiceCollection AddAccounts(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        services.AddOptions<AccountOptions>()
            .Bind(configuration.GetSection(AccountOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<DemoAccountsOptions>()
            .Bind(configuration.GetSection(DemoAccountsOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DemoAccountsOptions>, DemoAccountsValidator>();

        services.AddCascadingAuthenticationState();
        services.AddIdentity<IdentityUser, IdentityRole>()
            .AddEntityFrameworkStores<ListingDbContext>()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, accounts) =>
        {
            identity.User.RequireUniqueEmail = true;
            identity.Password.RequiredLength = accounts.Value.MinPasswordLength;
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.Value.LockoutMinutes);
        });
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
        });

        CookieSecurePolicy secure = environment.IsDevelopment()
            ? CookieSecurePolicy.SameAsRequest
            : CookieSecurePolicy.Always;
        services.PostConfigureAll<CookieAuthenticationOptions>(cookie =>
        {
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = secure;
        });
        services.PostConfigure<AntiforgeryOptions>(antiforgery =>
        {
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SecurePolicy = secure;
        });

        return services;
    }
}
