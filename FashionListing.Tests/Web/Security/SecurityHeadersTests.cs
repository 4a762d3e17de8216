using System.Net;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FashionListing.Tests.Web.Security;

public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/app.css")]
    [InlineData("/photos/3f2b8c1e-0000-4000-8000-000000000000")]
    [InlineData("/no-such-page")]
    public async Task Get_AnyResponse_CarriesThePolicyNoSniffingAndFrameDenial(string url)
    {
        using var host = new AppTestHost();
        using HttpClient client = host.NewClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_HomePage_HasNoInlineScriptForThePolicyToBlock()
    {
        using var host = new AppTestHost();
        using HttpClient client = await SignedInSellerAsync(host);

        string page = await client.GetStringAsync(new Uri("/sell", UriKind.Relative));

        // Every script element must name a source: "script-src 'self'" refuses inline ones (an import map too).
        Assert.Contains("<script", page, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", page);
    }

    [Fact]
    public async Task Exception_InProduction_ShowsTheErrorPageWithAReferenceAndNoDetails()
    {
        const string secret = "connection string with the password hunter2";
        using var host = new AppTestHost(
            "Production",
            baseAddress: new Uri("https://localhost"),
            configureServices: services => services.AddSingleton<IStartupFilter>(new ThrowingPathFilter(secret)));
        using HttpClient client = host.NewClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri("/throws", UriKind.Relative));
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong on our side", body, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"error-reference\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(ThrowingPathFilter), body, StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignedInSellerAsync(AppTestHost host)
    {
        await host.CreateAccountAsync(AccountRoles.Seller, "headers@sellers.test");

        return await host.SignedInClientAsync("headers@sellers.test");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out IEnumerable<string>? values)
        || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    // Appended after the app's own pipeline, so that a request for /throws reaches it through the app's
    // exception handler, as a failure deep inside a page would.
    private sealed class ThrowingPathFilter(string message) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == "/throws"
                ? throw new InvalidOperationException(message)
                : Task.CompletedTask);
        };
    }
}
