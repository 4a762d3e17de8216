using System.Net;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FashionListing.Tests.Web.Accounts;

public sealed class SignInTests
{
    [Fact]
    public async Task Login_AsManyFailuresAsTheSetting_LocksTheAccountEvenForTheRightPassword()
    {
        using var host = new AppTestHost(settings: new Dictionary<string, string?>
        {
            ["Accounts:MaxFailedSignIns"] = "3",
            ["Accounts:LockoutMinutes"] = "15",
        });
        await host.CreateAccountAsync(AccountRoles.Seller, "seller@sellers.test");
        using HttpClient client = host.NewClient();

        string second = await SignInPageAfterAsync(client, "seller@sellers.test", "wrong-password-1", tries: 2);
        string third = await SignInPageAfterAsync(client, "seller@sellers.test", "wrong-password-2", tries: 1);
        using HttpResponseMessage right = await PostLoginAsync(client, "seller@sellers.test", AppTestHost.Password);
        using HttpResponseMessage sell = await client.GetAsync(new Uri("/sell", UriKind.Relative));

        Assert.Contains("The email or the password is wrong.", second, StringComparison.Ordinal);
        Assert.Contains("locked after too many failed sign-ins. Try again in 15 minutes", third, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked after too many failed sign-ins", await right.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sell.StatusCode);
        Assert.Equal("/account/login", sell.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Login_RightPassword_SetsAnHttpOnlySameSiteCookieAndGoesBack()
    {
        using var host = new AppTestHost();
        await host.CreateAccountAsync(AccountRoles.Seller, "seller@sellers.test");
        using HttpClient client = host.NewClient();

        using HttpResponseMessage response = await AppTestHost.PostFormAsync(
            client,
            "/account/login?ReturnUrl=%2Fdrafts",
            new Dictionary<string, string> { ["Input.Email"] = "seller@sellers.test", ["Input.Password"] = AppTestHost.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/drafts", response.Headers.Location!.AbsolutePath);
        string cookie = AuthCookie(response);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_ReturnUrlToAnotherSite_GoesHomeInstead()
    {
        using var host = new AppTestHost();
        await host.CreateAccountAsync(AccountRoles.Seller, "seller@sellers.test");
        using HttpClient client = host.NewClient();

        using HttpResponseMessage response = await AppTestHost.PostFormAsync(
            client,
            "/account/login?ReturnUrl=%2F%2Fevil.example%2F",
            new Dictionary<string, string> { ["Input.Email"] = "seller@sellers.test", ["Input.Password"] = AppTestHost.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("localhost", response.Headers.Location!.Host);
        Assert.Equal("/", response.Headers.Location.AbsolutePath);
    }

    [Fact]
    public async Task Login_PostWithoutAntiforgeryToken_IsRefused()
    {
        using var host = new AppTestHost();
        await host.CreateAccountAsync(AccountRoles.Seller, "seller@sellers.test");
        using HttpClient client = host.NewClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = "seller@sellers.test",
            ["Input.Password"] = AppTestHost.Password,
        });

        using HttpResponseMessage response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(AuthCookieOrNull(response));
    }

    [Fact]
    public async Task Register_NewEmail_CreatesASellerOnlyAndSignsIn()
    {
        using var host = new AppTestHost();
        using HttpClient client = host.NewClient();

        using HttpResponseMessage response = await AppTestHost.PostFormAsync(
            client,
            "/account/register",
            new Dictionary<string, string>
            {
                ["Input.Email"] = "new@sellers.test",
                ["Input.Password"] = AppTestHost.Password,
                ["Input.ConfirmPassword"] = AppTestHost.Password,
            });
        using HttpResponseMessage sell = await client.GetAsync(new Uri("/sell", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sell", response.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, sell.StatusCode);
        await using AsyncServiceScope scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        IdentityUser user = (await users.FindByEmailAsync("new@sellers.test"))!;
        Assert.Equal([AccountRoles.Seller], await users.GetRolesAsync(user));
    }

    [Fact]
    public async Task Register_ShortPassword_ShowsTheRuleAndCreatesNoAccount()
    {
        using var host = new AppTestHost();
        using HttpClient client = host.NewClient();

        using HttpResponseMessage response = await AppTestHost.PostFormAsync(
            client,
            "/account/register",
            new Dictionary<string, string>
            {
                ["Input.Email"] = "short@sellers.test",
                ["Input.Password"] = "Ab1-short",
                ["Input.ConfirmPassword"] = "Ab1-short",
            });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at least 10 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using AsyncServiceScope scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.Null(await users.FindByEmailAsync("short@sellers.test"));
    }

    [Fact]
    public async Task Logout_Posted_EndsTheSession()
    {
        using var host = new AppTestHost();
        await host.CreateAccountAsync(AccountRoles.Seller, "seller@sellers.test");
        using HttpClient client = await host.SignedInClientAsync("seller@sellers.test");

        using HttpResponseMessage response = await AppTestHost.PostFormAsync(
            client, "/account/logout", new Dictionary<string, string>());
        using HttpResponseMessage sell = await client.GetAsync(new Uri("/sell", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, sell.StatusCode);
        Assert.Equal("/account/login", sell.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Start_DemoAccountsConfigured_EachSignsInWithItsRole()
    {
        using var host = new AppTestHost(keepDemoAccounts: true);
        var configuration = host.Services.GetRequiredService<IConfiguration>();

        foreach (string role in AccountRoles.All)
        {
            string email = configuration[$"DemoAccounts:{role}:Email"]!;
            using HttpClient client = await host.SignedInClientAsync(email, configuration[$"DemoAccounts:{role}:Password"]!);
            await using AsyncServiceScope scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.Equal([role], await users.GetRolesAsync((await users.FindByEmailAsync(email))!));
        }
    }

    [Fact]
    public async Task CreateAccountCommand_ModeratorWithPasswordOnInput_CreatesTheModerator()
    {
        using var host = new AppTestHost();
        using var output = new StringWriter();

        int exit = await host.Services.RunCreateAccountCommandAsync(
            [AccountRoles.Moderator, "mod@fashionlisting.test"],
            new StringReader(AppTestHost.Password + "\n"),
            output,
            CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("Created the Moderator account mod@fashionlisting.test.", output.ToString(), StringComparison.Ordinal);
        using HttpClient client = await host.SignedInClientAsync("mod@fashionlisting.test");
        Assert.Contains("Signed in as mod@fashionlisting.test (Moderator)",
            await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAccountCommand_UnknownRole_CreatesNothingAndFails()
    {
        using var host = new AppTestHost();
        using var output = new StringWriter();

        int exit = await host.Services.RunCreateAccountCommandAsync(
            ["Admin", "admin@fashionlisting.test"],
            new StringReader(AppTestHost.Password + "\n"),
            output,
            CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("the role is \"Admin\"; it must be one of Seller, Moderator, Researcher.", output.ToString(),
            StringComparison.Ordinal);
        await using AsyncServiceScope scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.Null(await users.FindByEmailAsync("admin@fashionlisting.test"));
    }

    private static async Task<string> SignInPageAfterAsync(HttpClient client, string email, string password, int tries)
    {
        string page = "";
        for (int i = 0; i < tries; i++)
        {
            using HttpResponseMessage response = await PostLoginAsync(client, email, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            page = await response.Content.ReadAsStringAsync();
        }

        return page;
    }

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password) =>
        AppTestHost.PostFormAsync(
            client,
            "/account/login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    internal static string AuthCookie(HttpResponseMessage response) =>
        AuthCookieOrNull(response) ?? throw new Xunit.Sdk.XunitException("The response set no sign-in cookie.");

    private static string? AuthCookieOrNull(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal))
            : null;
}
