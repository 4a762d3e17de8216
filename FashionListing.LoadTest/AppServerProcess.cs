using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FashionListing.LoadTest;

/// <summary>
/// The built web app as a separate process on a free loopback port, with its data in a temporary folder that
/// is deleted when the process is stopped. Its output goes to a log file in that folder.
/// </summary>
internal sealed class AppServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataFolder;
    private readonly StreamWriter _log;

    private AppServerProcess(Process process, string dataFolder, StreamWriter log, string baseUrl)
    {
        _process = process;
        _dataFolder = dataFolder;
        _log = log;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>Lines the app has written so far that contain <paramref name="text"/>.</summary>
    public int CountLogLines(string text)
    {
        lock (_log)
        {
            _log.Flush();
        }

        using var reader = new StreamReader(new FileStream(
            LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        int count = 0;
        while (reader.ReadLine() is string line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    private string LogPath => Path.Combine(_dataFolder, "server.log");

    /// <summary>Starts the app and waits until its sign-in page answers (the model is warm by then).</summary>
    public static async Task<AppServerProcess> StartAsync(
        string appPath,
        IReadOnlyDictionary<string, string> settings,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(appPath))
        {
            throw new FileNotFoundException(
                $"The built app is not at {appPath}; run `dotnet build FashionListing.Web -c Release` first, "
                + "or give --app.",
                appPath);
        }

        string dataFolder = Path.Combine(Path.GetTempPath(), "fashionlisting-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        string baseUrl = "http://127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(appPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl);

        // Development: plain HTTP on loopback, without the HTTPS redirect and secure-only cookies of Production.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__DataFolder"] = dataFolder;
        foreach ((string key, string value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var log = new StreamWriter(Path.Combine(dataFolder, "server.log"));
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AppServerProcess(process, dataFolder, log, baseUrl);
        try
        {
            await server.WaitUntilAnsweringAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>The process's peak resident memory so far (VmHWM of /proc/PID/status), in bytes.</summary>
    public long PeakMemoryBytes()
    {
        foreach (string line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                string kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{_process.Id}/status has no VmHWM line.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }

        Directory.Delete(_dataFolder, recursive: true);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var signIn = new Uri(BaseUrl + "/account/login");
        DateTime deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The app stopped while starting (exit code {_process.ExitCode}); see {LogPath}.");
            }

            try
            {
                using HttpResponseMessage answer = await client.GetAsync(signIn, cancellationToken);
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the app loads and warms its model before it opens the port.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The request timed out while the app was busy starting.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        throw new TimeoutException($"The app did not answer {signIn} within 5 minutes.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        return port;
    }
}
