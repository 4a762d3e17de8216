using System.Net;
using System.Text.RegularExpressions;
using FashionListing.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FashionListing.Tests.Web.Support;

/// <summary>
/// The whole app in the test server, with its data in a temporary folder, and clients that sign in for real:
/// they fetch the sign-in page, post its form with the antiforgery token and keep the cookie. The demo accounts
/// of appsettings.json are switched off unless a test keeps them.
/// </summary>
public sealed partial class AppTestHost : IDisposable
{
    /// <summary>A password that meets the registration rules, for accounts the tests create.</summary>
    public const string Password = "Test-Password-42";

    private readonly TempFolder _folder = new();
    private readonly Uri? _baseAddress;

    public AppTestHost(
        string environment = "Development",
        bool keepDemoAccounts = false,
        IReadOnlyDictionary<string, string?>? settings = null,
        Uri? baseAddress = null,
        Action<IServiceCollection>? configureServices = null)
    {
        Dictionary<string, string?> all = new() { ["Storage:DataFolder"] = _folder.Path };
        if (!keepDemoAccounts)
        {
            foreach (string role in AccountRoles.All)
            {
                all[$"DemoAccounts:{role}:Password"] = "";
            }
        }

        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment(environment);
            host.ConfigureAppConfiguration(config => config.AddInMemoryCollection(all));
            if (configureServices is not null)
            {
                host.ConfigureTestServices(configureServices);
            }
        });
        _baseAddress = baseAddress;
    }

    public WebApplicationFactory<Program> Factory { get; }

    public IServiceProvider Services => Factory.Services;

    public string DataFolder => _folder.Path;

    public void Dispose()
    {
        Factory.Dispose();
        _folder.Dispose();
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see where they point.</summary>
    public HttpClient NewClient()
    {
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
        if (_baseAddress is not null)
        {
            options.BaseAddress = _baseAddress;
        }

        return Factory.CreateClient(options);
    }

    /// <summary>Creates an account through the same code as the create-account command; returns its user id.</summary>
    public async Task<string> CreateAccountAsync(string role, string email)
    {
        await using AsyncServiceScope scope = Services.CreateAsyncScope();
        AccountCreation created = await AccountSetup.CreateAccountAsync(
            scope.ServiceProvider, role, email, Password, CancellationToken.None);

        return Assert.IsType<AccountCreation.Created>(created).UserId;
    }

    /// <summary>A new client signed in through the sign-in page.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = Password)
    {
        HttpClient client = NewClient();
        using HttpResponseMessage response = await PostFormAsync(
            client,
            "/account/login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(
            response.StatusCode == HttpStatusCode.Redirect,
            $"Signing in as {email} answered {(int)response.StatusCode}, not a redirect.");

        return client;
    }

    /// <summary>
    /// Gets the page at <paramref name="url"/>, then posts its form with the page's hidden fields (the
    /// antiforgery token and the form's name) and <paramref name="fields"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client,
        string url,
        IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);

        var uri = new Uri(url, UriKind.Relative);
        string page = await client.GetStringAsync(uri);
        Dictionary<string, string> form = HiddenFields(page);
        Assert.True(form.ContainsKey("__RequestVerificationToken"), $"The page {url} has no antiforgery token.");
        foreach ((string name, string value) in fields)
        {
            form[name] = value;
        }

        using var content = new FormUrlEncodedContent(form);

        return await client.PostAsync(uri, content);
    }

    private static Dictionary<string, string> HiddenFields(string html)
    {
        Dictionary<string, string> fields = [];
        foreach (Match input in HiddenInput().Matches(html))
        {
            string name = NameAttribute().Match(input.Value).Groups[1].Value;
            string value = ValueAttribute().Match(input.Value).Groups[1].Value;
            fields[name] = WebUtility.HtmlDecode(value);
        }

        return fields;
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("name=\"([^\"]*)\"")]
    private static partial Regex NameAttribute();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
