class Fake { constructor(x: any) { Object.assign(this, x); } }
