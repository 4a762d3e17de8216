using FashionListing.Tests.Web.Support;
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
}
