using OpenQA.Selenium.Chrome;

namespace Orchestrator.Server.Tests;

/// <summary>
/// Debian's chromium driven headless by its chromedriver (no browser download). When either is missing the test
/// is ignored locally and fails on CI (CI=true), where .ci/run installs them.
/// </summary>
internal static class Browser
{
    public const string Chromium = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    public static ChromeDriver Start(string profileDir, int width = 1400, int height = 1000)
    {
        if (!File.Exists(Chromium) || !File.Exists(Driver))
        {
            const string message = "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver); .ci/run installs them";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
            Assert.Ignore(message);
        }
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            $"--user-data-dir={profileDir}", $"--window-size={width},{height}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
