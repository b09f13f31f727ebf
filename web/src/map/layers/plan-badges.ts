import { PLAN_COLORS } from './plan-source.ts'

/** Badge size in CSS pixels: a numbered disc over a "+gain" tag, pointing down at the post. */
const W = 44
const H = 50

/**
 * The image of one post's badge: its pick order in a disc and its marginal gain below, drawn on a
 * canvas at the screen's pixel ratio (MapLibre scales it back by `pixelRatio`).
 */
export function drawBadge(rank: number, gain: number, pixelRatio: number): ImageData | null {
  const canvas = document.createElement('canvas')
  canvas.width = Math.ceil(W * pixelRatio)
  canvas.height = Math.ceil(H * pixelRatio)
  const ctx = canvas.getContext('2d')
  if (!ctx)
    return null
  ctx.scale(pixelRatio, pixelRatio)
  const cx = W / 2
  // The tag with the gain, and a pin tip at the very bottom where the post stands.
  ctx.fillStyle = '#0b1220'
  ctx.beginPath()
  ctx.roundRect(2, 27, W - 4, 16, 5)
  ctx.fill()
  ctx.beginPath()
  ctx.moveTo(cx - 5, 42)
  ctx.lineTo(cx + 5, 42)
  ctx.lineTo(cx, H)
  ctx.closePath()
  ctx.fill()
  ctx.fillStyle = '#ffffff'
  ctx.font = '600 11px system-ui, sans-serif'
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillText(`+${gain}`, cx, 35.5)
  // The disc with the rank.
  ctx.beginPath()
  ctx.arc(cx, 14, 12.5, 0, Math.PI * 2)
  ctx.fillStyle = PLAN_COLORS.post
  ctx.fill()
  ctx.lineWidth = 2
  ctx.strokeStyle = '#ffffff'
  ctx.stroke()
  ctx.fillStyle = '#ffffff'
  ctx.font = '700 14px system-ui, sans-serif'
  ctx.fillText(String(rank), cx, 14.5)
  return ctx.getImageData(0, 0, canvas.width, canvas.height)
}
