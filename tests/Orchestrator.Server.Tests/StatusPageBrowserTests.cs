using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Orchestrator.Server.Tests;

/// <summary>The status page in a real browser: upload the sample, watch each node turn Succeeded live, open the report.</summary>
[TestFixture]
[NonParallelizable]
public sealed class StatusPageBrowserTests
{
    private static readonly string[] Nodes = ["structure", "style", "characters", "pacing", "themes", "consistency", "recommendations"];

    [Test]
    public async Task Uploading_the_sample_shows_nodes_turn_succeeded_live_and_opens_the_report()
    {
        // Consistency waits at the gate until the page shows it running: what follows is seen live, however fast the run.
        var gate = new NodeGate("consistency");
        await using var server = await ServerHost.StartOnPortAsync(gate.Options());
        var profile = Directory.CreateTempSubdirectory("orchestrator-chromium-").FullName;
        try
        {
            using var driver = Browser.Start(profile);
            driver.Navigate().GoToUrl(server.Options.Urls + "/");
            var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(90));
            wait.Until(d => d.FindElements(By.CssSelector("#pipeline option[value='novel']")).Count > 0);

            // Record every status each node shows, from the first render on.
            ((IJavaScriptExecutor)driver).ExecuteScript("""
                window.seen = {};
                new MutationObserver(() => {
                  for (const li of document.querySelectorAll('#nodes li')) {
                    const list = (window.seen[li.dataset.node] ||= []);
                    if (list[list.length - 1] !== li.dataset.status) list.push(li.dataset.status);
                  }
                }).observe(document.getElementById('nodes'), { subtree: true, childList: true, attributes: true });
                """);
            driver.FindElement(By.Id("file")).SendKeys(ServerHost.Sample);
            driver.FindElement(By.Id("genre")).SendKeys("literary");
            driver.FindElement(By.Id("targetLength")).SendKeys("80000");
            driver.FindElement(By.Id("submit")).Click();

            // The page's events stream has begun: the server has subscribed it (see EventsEndpoint), so what follows is live.
            await gate.WaitReachedAsync();
            wait.Until(d => ((IJavaScriptExecutor)d).ExecuteScript("return events !== null && events.readyState === EventSource.OPEN;") is true);
            Assert.That(driver.FindElement(By.CssSelector("#nodes li[data-node='recommendations']")).GetAttribute("data-status"), Is.EqualTo("Pending"));
            gate.Open();
            wait.Until(d => d.FindElements(By.CssSelector("#nodes li[data-status='Succeeded']")).Count == Nodes.Length);
            var report = wait.Until(d => d.FindElement(By.Id("report")) is { Displayed: true } link ? link : null)!; // after the end
            var seen = (IReadOnlyDictionary<string, object>)((IJavaScriptExecutor)driver).ExecuteScript("return window.seen;")!;
            Assert.That(seen.Keys, Is.EquivalentTo(Nodes));
            var shown = seen.ToDictionary(p => p.Key, p => ((IReadOnlyCollection<object>)p.Value).Cast<string>().ToArray());
            Assert.That(shown.Values.Select(list => list[^1]), Is.All.EqualTo("Succeeded"));
            // The sample is short: nodes before the gate may be done before the page first draws; the two after it never are.
            Assert.That(shown["consistency"][^2..], Is.EqualTo(new[] { "Running", "Succeeded" }).Or.EqualTo(new[] { "Pending", "Succeeded" }),
                "consistency turned Succeeded while the page watched");
            Assert.That(shown["recommendations"], Is.EqualTo(new[] { "Pending", "Running", "Succeeded" }), "recommendations started and finished live");

            Assert.That(driver.FindElement(By.Id("detail-status")).Text, Does.StartWith("Completed"));
            var pageWindow = driver.CurrentWindowHandle;
            report.Click();
            wait.Until(d => d.WindowHandles.Count == 2);
            driver.SwitchTo().Window(driver.WindowHandles.Single(h => h != pageWindow));
            wait.Until(d => d.FindElements(By.TagName("h1")).Count > 0);
            Assert.That(driver.FindElement(By.TagName("body")).Text, Does.Contain("The Lighthouse Keeper"));

            // The listing shows the session as Completed; every control is a native, labelled form element (keyboard reachable).
            driver.SwitchTo().Window(pageWindow);
            wait.Until(d => d.FindElements(By.CssSelector("#sessions td.s-Completed")).Count == 1);
            var unlabelled = ((IJavaScriptExecutor)driver).ExecuteScript(
                "return [...document.querySelectorAll('input, select')].filter(e => !document.querySelector(`label[for='${e.id}']`)).length;");
            Assert.That(unlabelled, Is.EqualTo(0L));
            Assert.That(driver.FindElements(By.CssSelector("#sessions button")).Select(b => b.GetAttribute("aria-label")), Has.All.StartWith("Watch "));

            // On a phone-wide window only the sessions table scrolls sideways, not the page (a visually hidden label
            // inside the table once stretched the page to the table's width).
            driver.Manage().Window.Size = new System.Drawing.Size(420, 900);
            var widths = (IReadOnlyCollection<object>)((IJavaScriptExecutor)driver).ExecuteScript(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth, document.querySelector('.table-wrap').scrollWidth];")!;
            var (page, viewport, table) = (Convert.ToInt64(widths.ElementAt(0)), Convert.ToInt64(widths.ElementAt(1)), Convert.ToInt64(widths.ElementAt(2)));
            Assert.That(table, Is.GreaterThan(viewport), "the table is wider than the window (else this checks nothing)");
            Assert.That(page, Is.LessThanOrEqualTo(viewport), $"the page is {page} px wide in a {viewport} px window");
            driver.Quit();
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }

    [Test]
    public async Task An_empty_server_says_so_and_the_form_works_from_the_keyboard()
    {
        await using var server = await ServerHost.StartOnPortAsync();
        var profile = Directory.CreateTempSubdirectory("orchestrator-chromium-").FullName;
        try
        {
            using var driver = Browser.Start(profile);
            driver.Navigate().GoToUrl(server.Options.Urls + "/");
            var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(60));
            var empty = wait.Until(d => d.FindElement(By.Id("list-empty")) is { Displayed: true } line ? line : null)!;
            Assert.That(empty.Text, Does.StartWith("No sessions yet"));
            Assert.That(driver.FindElement(By.Id("list-table")).Displayed, Is.False, "no empty table under the line");
            Assert.That(driver.FindElement(By.Id("list-loading")).Displayed, Is.False);
            wait.Until(d => d.FindElement(By.Id("submit")).Enabled);
            Assert.That(driver.FindElement(By.Id("pipeline")).GetAttribute("value"), Is.EqualTo("novel"));

            // Keyboard only: Tab walks the form in order, and Enter in a text field submits it.
            driver.FindElement(By.Id("file")).SendKeys(ServerHost.Sample);
            var order = new List<string>();
            ((IJavaScriptExecutor)driver).ExecuteScript("document.getElementById('file').focus();");
            for (var i = 0; i < 5; i++)
            {
                // Keys to the page, not to an element: Selenium reads keys sent to a file input as a file name.
                new OpenQA.Selenium.Interactions.Actions(driver).SendKeys(Keys.Tab).Perform();
                order.Add(driver.SwitchTo().ActiveElement().GetAttribute("id") ?? "");
            }
            Assert.That(order, Is.EqualTo(new[] { "pipeline", "genre", "targetLength", "themes", "submit" }));
            driver.FindElement(By.Id("themes")).SendKeys("duty" + Keys.Enter);
            wait.Until(d => d.FindElements(By.CssSelector("#sessions tr")).Count == 1);
            Assert.That(driver.FindElement(By.Id("list-empty")).Displayed, Is.False);
            wait.Until(d => d.FindElements(By.CssSelector("#sessions td.s-Completed")).Count == 1);

            // A Watch button keeps the focus while the list redraws, and choosing it takes the focus to the session.
            var watch = driver.FindElement(By.CssSelector("#sessions button"));
            ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].focus(); refreshList();", watch);
            wait.Until(d => (d.SwitchTo().ActiveElement().GetAttribute("aria-label") ?? "").StartsWith("Watch ", StringComparison.Ordinal));
            driver.SwitchTo().ActiveElement().SendKeys(Keys.Enter);
            wait.Until(d => d.SwitchTo().ActiveElement().GetAttribute("id") == "detail-title");
            driver.Quit();
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }

    [Test]
    public async Task With_a_key_the_page_asks_for_it_once_and_then_lists_sessions()
    {
        await using var server = await ServerHost.StartOnPortAsync(ServerHost.NewOptions() with { ApiKey = "page-key-1" });
        var profile = Directory.CreateTempSubdirectory("orchestrator-chromium-").FullName;
        try
        {
            using var driver = Browser.Start(profile);
            driver.Navigate().GoToUrl(server.Options.Urls + "/");
            var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(60));
            var key = wait.Until(d => d.FindElement(By.Id("key")) is { Displayed: true } field ? field : null)!;
            key.SendKeys("page-key-1" + Keys.Enter);
            wait.Until(d => d.FindElements(By.CssSelector("#pipeline option[value='novel']")).Count > 0);
            driver.Navigate().Refresh();
            wait.Until(d => d.FindElements(By.CssSelector("#pipeline option[value='novel']")).Count > 0);
            Assert.That(driver.FindElement(By.Id("key-panel")).Displayed, Is.False, "the key is kept for the tab");
            driver.Quit();
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }
}
