import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { createServer } from 'node:http'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfBrowser } from '../helpers/ci.ts'
import { changedPixelShare, launchBrowser, openOfflinePage } from '../helpers/e2e-browser.ts'

// The other e2e tests trust these helpers to catch a request off the machine and to measure
// drawn pixels; this file proves both work, so a green run means something.
const PAGE = `<!doctype html><meta charset="utf-8"><title>风险地图</title>
<body style="margin:0;background:#fff">
<div id="box" style="width:200px;height:100px;background:#fff"></div>
<img src="https://tiles.example.com/0/0/0.png" alt="">
<script>fetch('http://cdn.example.net/font.pbf').catch(() => {})</script>`

describeIfBrowser('e2e harness', () => {
  let site: Server
  let url: string
  let browser: Browser

  beforeAll(async () => {
    site = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE))
    await new Promise<void>(resolve => site.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await new Promise(resolve => site?.close(resolve))
  })

  it('aborts and records requests to other hosts, and lets local ones through', async () => {
    const { context, page, externalRequests } = await openOfflinePage(browser)
    const response = await page.goto(url)
    expect(response?.status()).toBe(200)
    await expect.poll(() => externalRequests.slice().sort()).toEqual([
      'http://cdn.example.net/font.pbf',
      'https://tiles.example.com/0/0/0.png',
    ])
    await context.close()
  })

  it('measures the share of changed pixels', async () => {
    const { context, page } = await openOfflinePage(browser, { width: 400, height: 300 })
    await page.goto(url)
    const box = page.locator('#box')
    const before = await box.screenshot()
    await page.evaluate(() => {
      document.querySelector<HTMLElement>('#box')!.style.background = 'linear-gradient(90deg, #c00 50%, #fff 50%)'
    })
    const after = await box.screenshot()
    expect(await changedPixelShare(page, before, after)).toBeCloseTo(0.5, 1)
    expect(await changedPixelShare(page, before, before)).toBe(0)
    await context.close()
  })
})
