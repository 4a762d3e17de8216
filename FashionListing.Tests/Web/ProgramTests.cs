using System.Net;
using FashionListing.Tests.Web.Accounts;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FashionListing.Tests.Web;

public sealed class ProgramTests
{
    [Theory]
    [InlineData("Photos:MaxUploadBytes", "0", "MaxUploadBytes")]
    [InlineData("Storage:DataFolder", "", "DataFolder")]
    [InlineData("Moderation:DuplicateSimilarity", "1.5", "DuplicateSimilarity")]
    public void Start_InvalidSetting_FailsWithTheSettingNamed(string key, string value, string expected)
    {
        using var folder = new TempFolder();
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            host.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataFolder"] = folder.Path,
                [key] = value,
            })));

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ProductionWithADemoPassword_RefusesNamingTheSetting()
    {
        using var host = new AppTestHost("Production", settings: new Dictionary<string, string?>
        {
            ["DemoAccounts:Moderator:Password"] = "Demo-Moderator-2026",
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Factory.CreateClient());

        Assert.Contains(
            "DemoAccounts:Moderator:Password is set, and the app refuses to start in Production with a demo password.",
            error.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain("DemoAccounts:Seller", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProductionWithoutDemoPasswords_StartsAndSignsInWithASecureCookie()
    {
        using var host = new AppTestHost("Production", baseAddress: new Uri("https://localhost"));
        await host.CreateAccountAsync(AccountRoles.Seller, "seller@sellers.test");
        using HttpClient client = host.NewClient();

        using HttpResponseMessage response = await AppTestHost.PostFormAsync(
            client,
            "/account/login",
            new Dictionary<string, string> { ["Input.Email"] = "seller@sellers.test", ["Input.Password"] = AppTestHost.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        string cookie = SignInTests.AuthCookie(response);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
