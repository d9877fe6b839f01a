export async function sendMail(data: { to: string }) {
  return data.to;
}
